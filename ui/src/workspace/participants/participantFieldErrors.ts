/** The fields of the add/edit participant form. */
export type ParticipantField = "name" | "email" | "timeZone" | "language" | "phone" | "notes";
export type ParticipantErrors = Partial<Record<ParticipantField, string>>;

/**
 * Splits a back-end message into the fields it is about. The back end joins one sentence per
 * field ("Fill in the participant's name. "bad" is not an email address: …"); a sentence that
 * names no field is returned in `other`, to show above the form.
 */
export function fieldErrorsFrom(message: string): { fields: ParticipantErrors; other: string[] } {
  const fields: ParticipantErrors = {};
  const other: string[] = [];
  for (const sentence of sentencesOf(message)) {
    const field = fieldNamedIn(sentence);
    if (field === undefined) other.push(sentence);
    else fields[field] = fields[field] ? `${fields[field]} ${sentence}` : sentence;
  }
  return { fields, other };
}

function sentencesOf(message: string): string[] {
  // A sentence ends at ". " before a capital or a quote; quoted values may hold full stops.
  return message
    .split(/(?<=[.!?])\s+(?=[A-Z"“])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== "");
}

function fieldNamedIn(sentence: string): ParticipantField | undefined {
  // What the researcher typed is quoted in the message and must not decide the field.
  const text = sentence.replace(/"[^"]*"|“[^”]*”/g, "").toLowerCase();
  if (/time[ _]?zone/.test(text)) return "timeZone";
  if (/not a language|\blanguage\b/.test(text)) return "language";
  if (/e-?mail|address/.test(text)) return "email";
  if (/phone/.test(text)) return "phone";
  if (/\bnotes?\b/.test(text)) return "notes";
  if (/\bname\b/.test(text)) return "name";
  return undefined;
}
