// Business dates are Asia/Shanghai calendar dates. China has used UTC+8 without daylight saving
// since 1991, so a fixed offset is exact and avoids depending on the host's time-zone database.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BusinessDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function shanghaiDate(instant: Date): BusinessDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function isBusinessDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4));
}

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** 1 for 1 January. */
export function dayOfYear(date: BusinessDate): number {
  const start = Date.UTC(yearOf(date), 0, 1);
  return Math.round((Date.parse(`${date}T00:00:00Z`) - start) / DAY_MS) + 1;
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
