// Times for people: UK local time, GOV.UK style ("27 March 2026 at 2:05pm").
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

export function formatUkDateTime(value: unknown): string {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) return '';
  const parts = Object.fromEntries(formatter.formatToParts(d).map((p) => [p.type, p.value]));
  const hour = parts.hour ?? '';
  const minute = parts.minute ?? '';
  const ampm = (parts.dayPeriod ?? '').toLowerCase().replace(/\s/g, '');
  const time = minute === '00' ? `${hour}${ampm}` : `${hour}:${minute}${ampm}`;
  return `${parts.day ?? ''} ${parts.month ?? ''} ${parts.year ?? ''} at ${time}`;
}
