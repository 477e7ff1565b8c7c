// Injection tokens for what the registry's handlers share: the app-role data source, the PII
// cipher and the settings derived from config.
export const REGISTRY_DATA_SOURCE = Symbol('REGISTRY_DATA_SOURCE');
export const PII_CIPHER = Symbol('PII_CIPHER');
export const REGISTRY_SETTINGS = Symbol('REGISTRY_SETTINGS');

export interface RegistrySettings {
  /** Days a publicised post selection stays open to objections (公示期). */
  readonly objectionWindowDays: number;
  /** Base of the URL printed as a QR code on member cards; the card id is appended. */
  readonly memberCardBaseUrl: string;
  /** Business date "today" (Asia/Shanghai); injectable so tests and the demo are deterministic. */
  readonly today: () => string;
}
