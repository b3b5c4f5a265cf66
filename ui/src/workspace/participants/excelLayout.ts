import type { CsvLayout } from "../../bindings/types";

/**
 * How Excel on this computer reads a CSV file: UTF-8 only with a byte-order mark, and cells
 * split at the locale's list separator, a semicolon wherever the decimal sign is a comma.
 */
export function excelLayout(locale: string = navigator.language): CsvLayout {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value;
  return { byteOrderMark: true, separator: decimal === "," ? "semicolon" : "comma" };
}
