/**
 * Markdown shaped to make parsers slow (issue 11), filling a field to a given length: runs of one
 * delimiter, unclosed openers, deep nesting, Unicode line separators. Used by the fuzz test.
 */

/** Repeat `unit` up to exactly `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** One run of a character, or a repeated fragment, filling a field; some with a prefix or a tail. */
export function pathologicalInputs(length: number): Array<[string, string]> {
  const runs = [" ", "[", "]", "(", ")", "#", "*", "_", "`", "~", "\u2028", "\u2029", ">", "|", "-", "!", "<", "&", "\\", "\n", "\t", "=", ":"];
  const fragments = [
    "[a](", "![", "[](", "[[", "]]", "](", "*a", "_a", "**a", "__a", "a*", "*_", "***", "`a", "``", "> ", ">>", "- ", "1. ", "  - ",
    "- > ", "> - ", "|a", "| - |", "|:-", "<a ", "&#", "&#x", "\\*", "http://", "https://a", "<http://", "mailto:", "a@b.", "www.",
    "\n\n", "\n- ", "\n1. ", "\n> ", "\n    ", "\n```", "\n~~~", "\n|a|b|\n|-|-|", "# a \u2028", "a\u2028", " \u2029", "*a\u2028",
    "[a\u2028](", "`a\u2028", " \t", "\t-", "<!--", "<?", "<![CDATA[", "&amp;", "[^1]", "~~a", "=\n", "-\n",
  ];
  const out: Array<[string, string]> = [];
  for (const c of runs) out.push([`run of ${JSON.stringify(c)}`, fill(c, length)]);
  for (const f of fragments) out.push([`repeats of ${JSON.stringify(f)}`, fill(f, length)]);
  // The reproduction of issue 11 and its kin: a marker, a long run, then a separator.
  out.push(["heading, spaces, line separator", `# a${" ".repeat(length - 5)}\u2028x`]);
  out.push(["code fence, spaces, no close", `\`\`\`${" ".repeat(length - 4)}x`]);
  out.push(["link text, spaces, no close", `[a${" ".repeat(length - 4)}](`]);
  out.push(["emphasis opener, spaces", `*a${" ".repeat(length - 3)}*`]);
  out.push(["nested list markers", fill("- ", length / 2) + fill("\n  ", length / 2)]);
  out.push(["list items ever deeper", fill(Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n") + "\n\n", length)]);
  out.push(["quotes ever deeper", fill(Array.from({ length: 100 }, (_, i) => `${"> ".repeat(i)}quote`).join("\n") + "\n\n", length)]);
  out.push(["a wide table", `${fill("|a", length / 2)}\n${fill("|-", length / 2 - 1)}`]);
  out.push(["a long table", `|a|b|\n|-|-|\n${fill("|1|2|\n", length - 12)}`]);
  out.push(["mixed delimiters", fill("*_`[(#>|~\u2028 ", length)]);
  return out.map(([name, text]) => [name, text.slice(0, length)]);
}
