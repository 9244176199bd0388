// Tables of migration 0010-child-list-indexes (src/features/children).
export interface LocalPostcodeTable {
  /** Compact, capitals: 'BD11HY'. */
  postcode: string;
}

export interface ChildListTables {
  local_postcode: LocalPostcodeTable;
}
