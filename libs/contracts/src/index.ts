// Public surface of the event contracts. Filled in by the contracts work.
export {};
