/** Where "now" comes from (tests replace it to cross the 7-day edit window or an SLA deadline). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
