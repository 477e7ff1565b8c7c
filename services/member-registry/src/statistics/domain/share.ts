// Shares are reported as percentages with two decimals, the precision seed 001 §2 uses (62.94%).
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 10_000) / 100;
}

/** The birth date on or after which a person is under `years` old on `asOf`. */
export function bornAfterForAgeUnder(asOf: string, years: number): string {
  const year = Number(asOf.slice(0, 4)) - years;
  return `${year}${asOf.slice(4)}`;
}
