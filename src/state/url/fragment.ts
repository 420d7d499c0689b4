/**
 * A small dataset carried in the URL fragment (`#data=…`), so a custom graph can
 * be shared with no server. The dataset JSON is compressed with the platform's
 * CompressionStream ("deflate-raw", RFC 1951) and written as base64url
 * (RFC 4648 §5). The fragment never reaches a server.
 */
import type { ParseResult } from "../../domain/problems.ts";
import type { Dataset } from "../../domain/schema.ts";
import { parseDatasetJson } from "../../domain/validate.ts";

/** Largest compressed dataset a link may carry. */
export const MAX_FRAGMENT_BYTES = 8 * 1024;
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

/** Compresses a dataset into a fragment (`data=…`), or says it is too large. */
export async function encodeDatasetFragment(dataset: Dataset): Promise<FragmentEncoding> {
  const json = new TextEncoder().encode(JSON.stringify(dataset));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  if (packed.length > MAX_FRAGMENT_BYTES) return { ok: false, bytes: packed.length };
  return { ok: true, fragment: `${FRAGMENT_KEY}=${toBase64Url(packed)}`, bytes: packed.length };
}

/**
 * Reads a dataset from a location hash. Null when the hash carries none; a
 * failed ParseResult (with a readable problem) when it is damaged.
 */
export async function decodeDatasetFragment(hash: string): Promise<ParseResult<Dataset> | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const payload = params.get(FRAGMENT_KEY);
  if (payload === null) return null;
  const damaged = (message: string): ParseResult<Dataset> => ({
    ok: false,
    problems: [{ path: "link", message }],
    partial: null,
    skipped: 0,
  });
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(payload);
  } catch {
    return damaged("the data in the link is not valid base64url");
  }
  if (bytes.length > MAX_FRAGMENT_BYTES * 4) return damaged("the data in the link is too large");
  let text: string;
  try {
    text = new TextDecoder().decode(await pipe(bytes, new DecompressionStream("deflate-raw")));
  } catch {
    return damaged("the data in the link is damaged (it could not be decompressed)");
  }
  return parseDatasetJson(text);
}
