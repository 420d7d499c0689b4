/**
 * Dataset schema: the one versioned JSON document Ouroboros reads and writes.
 *
 * The zod schemas here describe the *shape* of a dataset. Cross-record rules
 * (unknown company references, duplicate ids, self-loops) live in
 * `validate.ts`, because they need the whole document at once.
 */
import { z } from "zod";

// NOTE: no code generation: the app ships a Content-Security-Policy without
// 'unsafe-eval', and zod's JIT (and even its probe for it) would break it.
z.config({ jitless: true });

export const SCHEMA_VERSION = 2 as const;
/** Versions this build reads: older ones go through `migrate.ts`. */
export const READABLE_SCHEMA_VERSIONS = [1, 2] as const;

export const COMPANY_KINDS = [
  "chipmaker",
  "hyperscaler",
  "neocloud",
  "ai-lab",
  "investor",
  "lender",
  "datacenter-developer",
  /** A special-purpose vehicle, joint venture or fund; see `sponsors`. */
  "vehicle",
  "other",
] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const DEAL_TYPES = [
  "equity",
  "debt",
  "cloud-contract",
  "chip-purchase",
  "warrant",
  "backstop",
  "other",
] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const AMOUNT_QUALIFIERS = ["exact", "up-to", "about", "undisclosed"] as const;
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];

export const DEAL_STATUSES = [
  "announced",
  "signed",
  "closed",
  "stalled",
  /** The same deal with amended terms: still live. */
  "revised",
  /** Replaced by another deal (`supersededBy`): history, not money. */
  "superseded",
  /** Called off: history, not money. */
  "cancelled",
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Statuses whose deals are not money any more: out of every total by default. */
export const NON_LIVE_STATUSES = [
  "superseded",
  "cancelled",
] as const satisfies readonly DealStatus[];

/** A deal is live unless it was superseded or cancelled. */
export function isLiveStatus(status: DealStatus): boolean {
  return status !== "superseded" && status !== "cancelled";
}

/**
 * How well a deal is evidenced, strongest first: a regulatory filing or the
 * company's own release; a named outlet's report; an outlet's or analyst's
 * estimate; a general statement ("the hyperscalers buy Nvidia chips").
 */
export const EVIDENCE_TIERS = ["filing", "reported", "estimate", "inferred"] as const;
export type EvidenceTier = (typeof EVIDENCE_TIERS)[number];

/** Tiers below `reported`: loops and flows resting on them say so. */
export const WEAK_EVIDENCE_TIERS = [
  "estimate",
  "inferred",
] as const satisfies readonly EvidenceTier[];

export const FACT_METRICS = [
  "revenue",
  "capex",
  "backlog",
  "commitments",
  "customer-concentration",
  "stake",
  "debt",
  "operating-loss",
  /** Total shareholders' equity at a point in time: a stress buffer. */
  "equity",
  /** Cash and equivalents at a point in time: a stress buffer. */
  "cash",
  "other",
] as const;
export type FactMetric = (typeof FACT_METRICS)[number];

export const SOURCE_KINDS = ["seed", "external"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real month and day. */
export const PARTIAL_DATE_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** True when `s` is a partial ISO date that exists on the calendar. */
export function isPartialDate(s: string): boolean {
  const m = PARTIAL_DATE_RE.exec(s);
  if (!m) return false;
  if (m[3] === undefined) return true;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A fact's period: `YYYY` or `FYYYYY` for a year, `YYYY-Qn` for a quarter, `YYYY-MM-DD` for a point in time. */
export const FACT_PERIOD_RE = /^(\d{4}|FY\d{4}|\d{4}-Q[1-4]|\d{4}-\d{2}-\d{2})$/;

/** True when `s` is a period in the facts' grammar (a real calendar day for a point in time). */
export function isFactPeriod(s: string): boolean {
  if (!FACT_PERIOD_RE.test(s)) return false;
  return s.length !== 10 || isPartialDate(s);
}

const idSchema = z
  .string()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a lowercase slug (a-z, 0-9, -)");

const partialDateSchema = z
  .string()
  .refine(isPartialDate, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");

const nonEmptyText = z.string().refine((s) => s.trim().length > 0, "must not be empty");

/**
 * The largest amount a deal may state, in US$ bn ($10 tn, about ten times the
 * largest commitment ever announced). NOTE: bounded so that sums over a
 * million deals stay finite: no total can print as "$Infinity tn".
 */
export const MAX_AMOUNT_USD_BN = 10_000;
/** The largest dollar figure a fact may state, either sign ($100 tn). */
export const MAX_FACT_USD_BN = 100_000;

const amountSchema = z
  .number({ error: "must be a number or null" })
  .refine((n) => Number.isFinite(n), "must be a finite number")
  .refine((n) => n >= 0, "must not be negative")
  .refine(
    (n) => !(n > MAX_AMOUNT_USD_BN),
    `must be at most ${MAX_AMOUNT_USD_BN} (US$ bn, i.e. $10 tn)`,
  );

export const sourceRefSchema = z.strictObject({
  sourceId: idSchema,
  quote: nonEmptyText,
  /** English rendering of a non-English quote. */
  translation: z.string().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

const sourceRefsSchema = z.array(sourceRefSchema).min(1, "must cite at least one source");

export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(SOURCE_KINDS),
  title: nonEmptyText,
  publisher: z.string().optional(),
  author: z.string().optional(),
  date: partialDateSchema.optional(),
  language: z.string().optional(),
  url: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const companySchema = z.strictObject({
  id: idSchema,
  name: nonEmptyText,
  kind: z.enum(COMPANY_KINDS),
  /** For a vehicle: the companies behind it, lead sponsor first. */
  sponsors: z.array(idSchema).min(1, "must list at least one sponsor").optional(),
  description: z.string().optional(),
});
export type Company = z.infer<typeof companySchema>;

export const dealSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  type: z.enum(DEAL_TYPES),
  amountUsdBn: amountSchema.nullable(),
  amountQualifier: z.enum(AMOUNT_QUALIFIERS),
  capacityGw: amountSchema.optional(),
  /** Optional only for imported edge lists that carry no dates. */
  announced: partialDateSchema.optional(),
  horizonYears: amountSchema.optional(),
  status: z.enum(DEAL_STATUSES),
  /** The deal that replaced this one; required exactly when the status is `superseded`. */
  supersededBy: idSchema.optional(),
  evidence: z.enum(EVIDENCE_TIERS),
  /** Groups the legs of one announced arrangement (an investment and a purchase back). */
  arrangementId: idSchema.optional(),
  description: nonEmptyText,
  notes: z.array(z.string()).default([]),
  sources: sourceRefsSchema,
  /**
   * An amount in a currency other than the dollar, as the source gave it; never
   * converted (the dollar amount stays undisclosed unless the source gives one).
   */
  localAmount: z
    .strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code"),
      valueBn: amountSchema,
    })
    .optional(),
  /** Columns of an imported tracker that map to no field, in the file's order. */
  attributes: z.array(z.strictObject({ name: nonEmptyText, value: z.string() })).optional(),
});
export type Deal = z.infer<typeof dealSchema>;

export const factSchema = z.strictObject({
  id: idSchema,
  company: idSchema,
  metric: z.enum(FACT_METRICS),
  /** Dollar value, when the fact is a dollar figure; negative for losses and outflows. */
  valueUsdBn: z
    .number({ error: "must be a number or null" })
    .refine((n) => Number.isFinite(n), "must be a finite number")
    .refine(
      (n) => !(Math.abs(n) > MAX_FACT_USD_BN),
      `must be between -${MAX_FACT_USD_BN} and ${MAX_FACT_USD_BN} (US$ bn)`,
    )
    .nullable()
    .optional(),
  /** Percentage 0..100, for concentration shares and stakes. */
  sharePct: z
    .number()
    .refine((n) => Number.isFinite(n) && n >= 0 && n <= 100, "must be a percentage from 0 to 100")
    .optional(),
  /** The other company the figure is about (the customer, the investee). */
  counterparty: idSchema.optional(),
  /** The period the figure covers, e.g. `2025`, `FY2026`, `2025-Q3`, `2025-09-30`. */
  period: z
    .string()
    .refine(
      isFactPeriod,
      "must be a period as YYYY or FYYYYY (a year), YYYY-Qn (a quarter) or YYYY-MM-DD (a point in time)",
    )
    .optional(),
  description: nonEmptyText,
  notes: z.array(z.string()).default([]),
  sources: sourceRefsSchema,
});
export type Fact = z.infer<typeof factSchema>;

/** Longest title of a story or a step. */
export const MAX_STORY_TITLE_CHARS = 200;
/** Longest caption of a step (a small Markdown subset; see `storyText.ts`). */
export const MAX_STEP_CAPTION_CHARS = 2000;
/** Longest view of a step, as the address writes it. */
export const MAX_STEP_VIEW_CHARS = 4000;
/** Most steps a story may have. */
export const MAX_STORY_STEPS = 50;
/**
 * The characters a step's view may hold: the address's own query characters.
 * NOTE: a view is read by the app's URL codec, which never throws and names what
 * it ignores; this keeps quotes, brackets and spaces (and so markup) out of it.
 */
export const STEP_VIEW_RE = /^[A-Za-z0-9=&.,:;%_~-]*$/;

const storyTitle = nonEmptyText.refine(
  (s) => s.length <= MAX_STORY_TITLE_CHARS,
  `must be at most ${MAX_STORY_TITLE_CHARS} characters`,
);

export const storyStepSchema = z.strictObject({
  title: storyTitle,
  /** Markdown subset: emphasis, strong, http(s) links; never HTML. */
  caption: z
    .string()
    .max(MAX_STEP_CAPTION_CHARS, `must be at most ${MAX_STEP_CAPTION_CHARS} characters`),
  /** The view as query parameters (`loop=nvidia.openai.oracle&tab=risk`), without "?". */
  view: z
    .string()
    .max(MAX_STEP_VIEW_CHARS, `must be at most ${MAX_STEP_VIEW_CHARS} characters`)
    .regex(STEP_VIEW_RE, "must be query parameters (letters, digits and = & . , : ; % _ ~ -)"),
});
export type StoryStep = z.infer<typeof storyStepSchema>;

export const storySchema = z.strictObject({
  id: idSchema,
  title: storyTitle,
  steps: z
    .array(storyStepSchema)
    .min(1, "must have at least one step")
    .max(MAX_STORY_STEPS, `must have at most ${MAX_STORY_STEPS} steps`),
});
export type Story = z.infer<typeof storySchema>;

export const datasetSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  title: nonEmptyText,
  asOf: partialDateSchema,
  description: z.string().optional(),
  companies: z.array(companySchema),
  deals: z.array(dealSchema),
  sources: z.array(sourceSchema),
  facts: z.array(factSchema).default([]),
  /** Stories told on this data: ordered views with a title and a caption each. */
  stories: z.array(storySchema).optional(),
});
export type Dataset = z.infer<typeof datasetSchema>;
