import { Fragment, type ReactNode } from "react";

/**
 * A message with parts of the window in it (a name in bold, a link, a code sample): each
 * `{name}` becomes its part, so the sentence stays one message a translator can reorder.
 */
export function richText(text: string, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  return text.split(/(\{\w+\})/).map((piece, index) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    const node = name !== undefined && Object.hasOwn(parts, name) ? parts[name] : piece;
    return <Fragment key={index}>{node}</Fragment>;
  });
}
