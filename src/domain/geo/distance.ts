// Postcodes and straight-line distance between postcode centroids (OS grid metres), as the DfE's
// "placed more than 20 miles from home" measure uses: sqrt(dE² + dN²) / 1609.344.

export interface Centroid {
  easting: number;
  northing: number;
}

const METRES_PER_MILE = 1609.344;

/** 'bd1 1hy' → 'BD11HY'; null when it cannot be a UK postcode. */
export function compactPostcode(postcode: string): string | null {
  const c = postcode.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(c) ? c : null;
}

/** 'BD11HY' → 'BD1 1HY' (the inward code is always the last three characters). */
export function displayPostcode(compact: string): string {
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function milesBetween(a: Centroid, b: Centroid): number {
  return Math.hypot(a.easting - b.easting, a.northing - b.northing) / METRES_PER_MILE;
}
