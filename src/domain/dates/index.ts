// UK date helpers over 'YYYY-MM-DD' strings.
export * from './isoDate.ts';
export * from './age.ts';
export * from './today.ts';
export * from './workingDays.ts';
