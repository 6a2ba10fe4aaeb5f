/** postgres://u@h:5432/test + "other" -> postgres://u@h:5432/other */
export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
