/**
 * Rendered Markdown (coach replies, documents, shares): `html` comes from renderMarkdown
 * (app/modules/coach/markdown.ts), which allows only its own safe tags. `.prose` in
 * app/tailwind.css gives lists their bullets and numbers, headings, quotes, code and tables
 * that scroll sideways inside their own box on a phone. Members' and the coach's own words:
 * dir="auto" by default, so Arabic text reads right to left and English left to right, whatever
 * the page's language.
 */
export function Prose({ html, className, dir = "auto" }: { html: string; className?: string; dir?: "auto" | "ltr" | "rtl" }) {
  return <div className={`prose ${className ?? ""}`} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}
