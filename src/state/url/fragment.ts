/**
 * A small dataset carried in the URL fragment (`#data=…`), so a custom graph can
 * be shared with no server. The dataset JSON is compressed with the platform's
 * CompressionStream ("deflate-raw", RFC 1951) and written as base64url
 * (RFC 4648 §5). The fragment never reaches a server.
 */
import { type ParseResult, formatPath } from "../../domain/problems.ts";
import { type Dataset, type Story, storySchema } from "../../domain/schema.ts";
import { parseDatasetJson, schemaIssueMessage } from "../../domain/validate.ts";

/** Largest compressed dataset a link may carry. */
export const MAX_FRAGMENT_BYTES = 8 * 1024;
/**
 * Largest dataset a link may unpack to. NOTE: deflate can expand a thousandfold,
 * so a 39 KB link could otherwise unpack to a 30 MB name and freeze the page.
 */
export const MAX_UNPACKED_BYTES = 1024 * 1024;

/** Decompresses, stopping (null) as soon as the output passes `limit` bytes. */
async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
export const FRAGMENT_KEY = "data";

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export type FragmentEncoding =
  | { readonly ok: true; readonly fragment: string; readonly bytes: number }
  | { readonly ok: false; readonly bytes: number };

/** The key of a story carried alone (on the shipped dataset): `#story=…`. */
export const STORY_FRAGMENT_KEY = "story";

async function packFragment(key: string, value: unknown): Promise<FragmentEncoding> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  if (packed.length > MAX_FRAGMENT_BYTES) return { ok: false, bytes: packed.length };
  return { ok: true, fragment: `${key}=${toBase64Url(packed)}`, bytes: packed.length };
}

/** Compresses a dataset into a fragment (`data=…`), or says it is too large. */
export function encodeDatasetFragment(dataset: Dataset): Promise<FragmentEncoding> {
  return packFragment(FRAGMENT_KEY, dataset);
}

/** Compresses a story alone into a fragment (`story=…`), or says it is too large. */
export function encodeStoryFragment(story: Story): Promise<FragmentEncoding> {
  return packFragment(STORY_FRAGMENT_KEY, story);
}

type Unpacked = { readonly text: string } | { readonly damaged: string } | null;

/** The text a hash carries under `key`, null when it carries none, or why it is damaged. */
async function unpackFragment(hash: string, key: string, what: string): Promise<Unpacked> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const payload = params.get(key);
  if (payload === null) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return { damaged: `the ${what} in the link is not valid base64url` };
  }
  if (bytes.length > MAX_FRAGMENT_BYTES * 4)
    return { damaged: `the ${what} in the link is too large` };
  let unpacked: Uint8Array | null;
  try {
    unpacked = await inflateAtMost(bytes, MAX_UNPACKED_BYTES);
  } catch {
    return { damaged: `the ${what} in the link is damaged (it could not be decompressed)` };
  }
  if (unpacked === null) {
    return {
      damaged: `the ${what} in the link unpacks to more than ${MAX_UNPACKED_BYTES / (1024 * 1024)} MB, more than a link may carry`,
    };
  }
  return { text: new TextDecoder().decode(unpacked) };
}

function damagedResult<T>(message: string): ParseResult<T> {
  return { ok: false, problems: [{ path: "link", message }], partial: null, skipped: 0 };
}

/**
 * Reads a dataset from a location hash. Null when the hash carries none; a
 * failed ParseResult (with a readable problem) when it is damaged.
 */
export async function decodeDatasetFragment(hash: string): Promise<ParseResult<Dataset> | null> {
  const read = await unpackFragment(hash, FRAGMENT_KEY, "data");
  if (read === null) return null;
  if ("damaged" in read) return damagedResult(read.damaged);
  return parseDatasetJson(read.text);
}

/** Reads a story carried alone from a location hash (schema-checked), like `decodeDatasetFragment`. */
export async function decodeStoryFragment(hash: string): Promise<ParseResult<Story> | null> {
  const read = await unpackFragment(hash, STORY_FRAGMENT_KEY, "story");
  if (read === null) return null;
  if ("damaged" in read) return damagedResult(read.damaged);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    return damagedResult("the story in the link is not valid JSON");
  }
  const parsed = storySchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data, problems: [] };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 5).map((issue) => ({
      path: issue.path.length > 0 ? `story.${formatPath(issue.path)}` : "story",
      message: schemaIssueMessage(issue),
    })),
    partial: null,
    skipped: 0,
  };
}
