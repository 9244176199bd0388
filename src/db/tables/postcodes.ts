// Tables of migration 0016-postcode-centroids-and-costs (src/features/postcodes).
export interface PostcodeCentroidTable {
  /** Compact, capitals: 'BD11HY'. */
  postcode: string;
  /** Lower-tier local authority GSS code, e.g. 'E08000032'. */
  la_code: string;
  /** OS grid metres. */
  easting: number;
  northing: number;
}

export interface PostcodeTables {
  postcode_centroid: PostcodeCentroidTable;
}
