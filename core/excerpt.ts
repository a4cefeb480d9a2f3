/**
 * A short, printable excerpt of something a user typed, for error messages: a message that
 * echoed a 100 KB argument, or its control characters, would bury what it has to say.
 */
export function excerpt(text: string, max = 40): string {
  const printable = text.replace(/\p{Cc}/gu, ' ');
  return printable.length > max ? `${printable.slice(0, max)}… (${text.length} characters)` : printable;
}
