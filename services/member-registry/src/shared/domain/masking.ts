// Masks shown to callers without the read-sensitive permission: enough to tell two people apart
// on a call list, not enough to identify anyone.

export function maskResidentId(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`;
}

export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}
