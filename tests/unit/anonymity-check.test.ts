/**
 * The anonymity crawl's checker (tests/e2e/anonymity-check.ts) finds the leaks it is for, on
 * markup and on decoded single-fetch data, and lets a list show a named post beside an anonymous
 * one by the same member.
 */
import { encode } from "turbo-stream";
import { describe, expect, it } from "vitest";
import { checkData, checkHtml, dataAddress, decodeStream, inlineStream, linksIn, type Finding, type Protected } from "../e2e/anonymity-check";

const AUTHOR = "11111111-1111-4111-8111-111111111111";
const ANON_POST = "22222222-2222-4222-8222-222222222222";
const NAMED_POST = "33333333-3333-4333-8333-333333333333";
const ANON_COMMENT = "44444444-4444-4444-8444-444444444444";

const who: Protected = {
  label: "A",
  userId: AUTHOR,
  identity: [AUTHOR, "Quxley O'Hara", "quxley@example.com", "avQUXa", NAMED_POST, "We are hiring"],
  anonymous: ["heron_qux", ANON_POST, ANON_COMMENT, "Pay is late", "Ask in writing", "feed/imgqux.webp"],
  namedPostId: NAMED_POST,
};

const anonCard = (extra = "") => `<article data-post-id="${ANON_POST}"${extra}><span>heron_qux</span><p>Pay is late</p><a href="/feed/${ANON_POST}">2 comments</a></article>`;
const namedCard = (extra = "") => `<article data-post-id="${NAMED_POST}"><a href="/u/${AUTHOR}">Quxley O&#x27;Hara</a><p>We are hiring</p>${extra}</article>`;
const page = (body: string) => `<!DOCTYPE html><html><head><title>Feed</title></head><body><header>Signed in as Cosmo</header><main>${body}</main></body></html>`;

function htmlFindings(html: string): Finding[] {
  const findings: Finding[] = [];
  checkHtml("page", html, who, findings);
  return findings;
}

function dataFindings(data: unknown): Finding[] {
  const findings: Finding[] = [];
  checkData("data", data, who, findings);
  return findings;
}

describe("the anonymity checker on markup", () => {
  it("lets a list show the member's named post and their anonymous post, each in its own card", () => {
    expect(htmlFindings(page(anonCard() + namedCard()))).toEqual([]);
  });

  it("finds the author's id in the anonymous post's card, even in a data attribute", () => {
    const findings = htmlFindings(page(anonCard(` data-author="${AUTHOR}"`) + namedCard()));
    expect(findings.map((f) => f.problem)).toContainEqual(expect.stringContaining("anonymous post card holds their identity"));
  });

  it("finds the anonymous post's id in the named post's card (a hidden field linking the two)", () => {
    const findings = htmlFindings(page(anonCard() + namedCard(`<input type="hidden" name="related" value="${ANON_POST}">`)));
    expect(findings.map((f) => f.problem)).toContainEqual(expect.stringContaining("named post card holds their anonymous side"));
  });

  it("finds the name anywhere else on a page that shows the anonymous post, as typed or escaped as React escapes it", () => {
    const findings = htmlFindings(page(`${anonCard()}<aside>Top writer: Quxley O'Hara</aside>`));
    expect(findings).toHaveLength(1);
    expect(findings[0].problem).toContain("ties A's anonymous side");
    expect(htmlFindings(page(`${anonCard()}<aside>Quxley O&#x27;Hara</aside>`))).toHaveLength(1);
    expect(htmlFindings(page(`${anonCard()}<p>Mail quxley@example.com</p>`))).toHaveLength(1);
  });

  it("finds an anonymous comment that names its author, and a redirect's Location tying the two", () => {
    const comment = `<li data-comment-id="${ANON_COMMENT}"><p>Ask in writing</p><img src="/avatars/avQUXa.webp"></li>`;
    expect(htmlFindings(page(comment)).map((f) => f.problem)).toContainEqual(expect.stringContaining("anonymous comment holds their identity"));
    expect(htmlFindings(`/u/${AUTHOR}?from=${ANON_POST}\n`)).toHaveLength(1);
  });

  it("reads a profile or the people search with the member's name and nothing anonymous as fine", () => {
    expect(htmlFindings(page(`<h1>Quxley O'Hara</h1><p>quxley@example.com</p>${namedCard()}`))).toEqual([]);
  });
});

describe("the anonymity checker on loader data", () => {
  const list = {
    posts: [
      { id: ANON_POST, content: "Pay is late", author: { kind: "anonymous", name: "heron_qux", picture: "heron" }, mine: false },
      { id: NAMED_POST, content: "We are hiring", author: { kind: "member", id: AUTHOR, name: "Quxley O'Hara", avatarUrl: "avQUXa.webp" }, mine: false },
    ],
  };

  it("sets the named post's own object aside and finds nothing in a clean list", () => {
    expect(dataFindings({ root: { user: null }, "routes/feed._index": list })).toEqual([]);
  });

  it("finds an author id left on the anonymous post's object, or a map from posts to authors", () => {
    const leaky = structuredClone(list);
    (leaky.posts[0] as Record<string, unknown>).userId = AUTHOR;
    expect(dataFindings(leaky)).toHaveLength(1);
    expect(dataFindings({ ...list, authors: { [ANON_POST]: "quxley@example.com" } })).toHaveLength(1);
  });

  it("decodes the stream inlined in a document, deferred values included", async () => {
    const text = await new Response(encode({ loaderData: { "routes/feed.$id": { post: list.posts[0], when: new Date(0), later: Promise.resolve({ by: AUTHOR }) } } })).text();
    const html = `<script>window.__remixContext.streamController.enqueue(${JSON.stringify(text)});</script><script>window.__remixContext.streamController.close();</script>`;
    const decoded = await decodeStream(inlineStream(html));
    expect(decoded).toMatchObject({ loaderData: { "routes/feed.$id": { post: { id: ANON_POST }, later: { by: AUTHOR } } } });
    expect(dataFindings(decoded)).toHaveLength(1); // the deferred value named the author
    expect(await decodeStream("")).toBeNull();
  });
});

describe("the crawl's addresses", () => {
  it("keeps same-origin links under the given paths and makes the single-fetch data address", () => {
    const html = `<a href="/feed/1">a</a><a href="/feed?topic=general&amp;sort=top">b</a><a href="/feedback">c</a><a href="https://x.test/feed">d</a><a href="/moderation/reports#q">e</a>`;
    expect(linksIn(html, ["/feed"])).toEqual(["/feed/1", "/feed?topic=general&sort=top"]);
    expect(linksIn(html, ["/moderation"])).toEqual(["/moderation/reports"]);
    expect(dataAddress("/feed?topic=general")).toBe("/feed.data?topic=general");
    expect(dataAddress("/feed/1")).toBe("/feed/1.data");
    expect(dataAddress("/")).toBe("/_root.data");
  });
});
