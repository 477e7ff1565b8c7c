// Mainland China mobile numbers: 11 digits starting 13–19. An optional +86/0086 prefix and
// spaces or dashes (as typed into spreadsheets) are accepted and stripped.

export function normaliseMobile(raw: string): string {
  return raw
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086)/, '');
}

export function isValidMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(raw));
}

export const MOBILE_MESSAGE = 'must be an 11-digit mainland mobile number starting 13–19';
