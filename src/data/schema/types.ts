/**
 * A schema module owns some tables. `carryOver` names the rows that are state (coding
 * rounds, mined data) rather than the replication package: `hfbot ingest` copies them
 * from the old database into the freshly built one, so a rebuild never loses them.
 */
export interface SchemaModule {
  name: string;
  ddl: string;
  carryOver: { table: string; where?: string }[];
}
