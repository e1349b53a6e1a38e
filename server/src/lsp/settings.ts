import { IDENTIFIER_SETS, SEVERITIES, type AnalysisSettings, type IdentifierSet, type Severity, type SyntheticDataMode } from '../engine/types';

/** The `hdguard.*` editor settings (declared in the extension's package.json), as the server uses them. */
export interface EditorSettings {
  enable: boolean;
  /** Analyse as you type, or only when a file is saved. */
  run: 'onType' | 'onSave';
  rules: { disable: string[]; severity: Record<string, Severity> };
  exclude: string[];
  /** Bytes; 0 means the configuration file's (or the default) limit. */
  maxFileSize: number;
  /** Overrides `.hdguard.yaml`'s patientData.syntheticData when set. */
  syntheticData?: SyntheticDataMode;
  /** Overrides `.hdguard.yaml`'s patientData.identifierSets when set (an empty list in the editor means unset). */
  identifierSets?: IdentifierSet[];
  suppressions: { defaultExpiryDays: number; defaultReason: string };
  /** Hide findings recorded in .hdguard-baseline.json. */
  useBaseline: boolean;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  run: 'onType',
  rules: { disable: [], severity: {} },
  exclude: [],
  maxFileSize: 0,
  syntheticData: undefined,
  identifierSets: undefined,
  suppressions: { defaultExpiryDays: 90, defaultReason: 'reviewed: not real patient data' },
  useBaseline: true,
};

const SYNTHETIC_MODES: SyntheticDataMode[] = ['ignore', 'info', 'report'];

/** Reads whatever the client sent (any shape, possibly null) into complete settings. */
export function normaliseSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const d = DEFAULT_EDITOR_SETTINGS;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const severity: Record<string, Severity> = {};
  for (const [id, s] of Object.entries(r.rules?.severity ?? {})) if ((SEVERITIES as readonly unknown[]).includes(s)) severity[id] = s as Severity;
  const synthetic = r.patientData?.syntheticData;
  const sets = strings(r.patientData?.identifierSets).filter((s): s is IdentifierSet => (IDENTIFIER_SETS as readonly string[]).includes(s));
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    rules: { disable: strings(r.rules?.disable), severity },
    exclude: strings(r.exclude),
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : 0,
    syntheticData: SYNTHETIC_MODES.includes(synthetic) ? synthetic : undefined,
    identifierSets: sets.length ? sets : undefined,
    suppressions: {
      defaultExpiryDays: typeof r.suppressions?.defaultExpiryDays === 'number' ? Math.max(0, r.suppressions.defaultExpiryDays) : d.suppressions.defaultExpiryDays,
      defaultReason: typeof r.suppressions?.defaultReason === 'string' && r.suppressions.defaultReason.trim() ? r.suppressions.defaultReason.trim() : d.suppressions.defaultReason,
    },
    useBaseline: typeof r.baseline?.enable === 'boolean' ? r.baseline.enable : d.useBaseline,
  };
}

/** The configuration's analysis settings with the editor's overrides. */
export function withEditorOverrides(settings: AnalysisSettings, editor: EditorSettings): AnalysisSettings {
  return {
    ...settings,
    ...(editor.syntheticData ? { syntheticData: editor.syntheticData } : {}),
    ...(editor.identifierSets ? { identifierSets: editor.identifierSets } : {}),
  };
}
