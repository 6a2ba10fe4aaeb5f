/**
 * Static files. The fingerprinted assets in public/build are compressed once at build time
 * (`npm run build` runs this file: name.js.br and name.js.gz next to name.js, brotli 11 and gzip
 * 9) and served as they are to clients that accept them; nothing under public/ is looked up for a
 * path that cannot be a file there (decision 020).
 *
 *   npx tsx app/services/static-files.server.ts public/build   (precompress a directory)
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { chooseCoding, compressBody, type Coding } from "../lib/encoding.server";

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".map", ".json", ".svg", ".txt", ".html", ".xml"]);
const SUFFIX = { br: ".br", gzip: ".gz" } as const;
type StaticOptions = NonNullable<Parameters<typeof express.static>[1]>;
type Precompressed = keyof typeof SUFFIX;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) yield path.join(entry.parentPath, entry.name);
  }
}

/**
 * Writes a .br and a .gz next to every compressible file of `dir` (at most two compressions run at
 * once: the machines have 2 cores). A variant that would not be at least 10% smaller is not
 * written. Returns the sizes, for the build's log.
 */
export async function precompressDirectory(dir: string): Promise<{ files: number; raw: number; br: number; gzip: number }> {
  const sources = [...filesUnder(dir)].filter((file) => COMPRESSIBLE.has(path.extname(file)));
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  const queue = [...sources];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const body = fs.readFileSync(file);
      totals.files++;
      totals.raw += body.length;
      for (const coding of ["br", "gzip"] as const) {
        const packed = await compressBody(body, coding, "max");
        const target = file + SUFFIX[coding];
        if (packed.length > body.length * 0.9) {
          fs.rmSync(target, { force: true });
          totals[coding] += body.length;
        } else {
          fs.writeFileSync(target, packed);
          totals[coding] += packed.length;
        }
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return totals;
}

/**
 * The precompressed variants under `dir`, by URL path relative to it ("/routes/x-ABC.js"). A
 * variant older than its file is ignored: a plain `remix build` over an old one leaves it stale.
 */
export function findPrecompressed(dir: string): Map<string, Set<Precompressed>> {
  const found = new Map<string, Set<Precompressed>>();
  if (!fs.existsSync(dir)) return found;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const mtime = fs.statSync(file).mtimeMs;
    const codings = new Set<Precompressed>();
    for (const coding of ["br", "gzip"] as const) {
      const variant = fs.statSync(file + SUFFIX[coding], { throwIfNoEntry: false });
      if (variant && variant.mtimeMs >= mtime) codings.add(coding);
    }
    if (codings.size > 0) found.set(`/${path.relative(dir, file).split(path.sep).join("/")}`, codings);
  }
  return found;
}

/**
 * Serves `dir` (mounted at a path such as /build) with express.static; a file with a precompressed
 * variant the client accepts is answered with that variant, its Content-Encoding, the original's
 * Content-Type and Vary: Accept-Encoding.
 */
export function precompressedStatic(dir: string, options: StaticOptions): RequestHandler {
  const variants = findPrecompressed(dir);
  const serve = express.static(dir, {
    ...options,
    setHeaders(res, file, stat) {
      const coding = res.locals.precompressed as Precompressed | undefined;
      if (coding) {
        res.setHeader("Content-Encoding", coding);
        res.type(path.extname(file.slice(0, -SUFFIX[coding].length)));
      }
      options.setHeaders?.(res, file, stat);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const codings = variants.get(decodedPath(req.path));
    if (!codings || (req.method !== "GET" && req.method !== "HEAD")) return serve(req, res, next);
    res.vary("Accept-Encoding");
    const coding: Coding = chooseCoding(req.get("Accept-Encoding"), [...codings]);
    if (coding === "identity") return serve(req, res, next);
    const url = req.url;
    res.locals.precompressed = coding;
    req.url = req.path + SUFFIX[coding] + url.slice(req.path.length);
    serve(req, res, (error?: unknown) => {
      // The variant vanished (a build replaced the directory): the original, as it is.
      req.url = url;
      res.locals.precompressed = undefined;
      if (error) return next(error);
      serve(req, res, next);
    });
  };
}

/**
 * Serves the top-level entries of `dir` (favicon.svg, robots.txt, ...) and nothing else: other
 * paths go on to the app without a file-system lookup. `except` names entries served elsewhere.
 */
export function publicFiles(dir: string, options: StaticOptions, except: string[] = []): RequestHandler {
  const names = new Set(fs.readdirSync(dir).filter((name) => !except.includes(name)));
  const serve = express.static(dir, options);
  return (req, res, next) => {
    const first = req.path.split("/")[1] ?? "";
    return names.has(first) ? serve(req, res, next) : next();
  };
}

function decodedPath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? "public/build";
  const started = performance.now();
  const totals = await precompressDirectory(dir);
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-US")} KB`;
  console.log(
    `precompressed ${totals.files} files in ${dir}: ${kb(totals.raw)} -> brotli ${kb(totals.br)}, gzip ${kb(totals.gzip)} ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
}
