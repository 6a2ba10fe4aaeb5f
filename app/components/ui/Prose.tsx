/**
 * Rendered Markdown (coach replies, documents, shares): `html` comes from renderMarkdown
 * (app/modules/coach/markdown.ts), which allows only its own safe tags. `.prose` in
 * app/tailwind.css gives lists their bullets and numbers, headings, quotes, code and tables
 * that scroll sideways inside their own box on a phone.
 */
export function Prose({ html, className }: { html: string; className?: string }) {
  return <div className={`prose ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
