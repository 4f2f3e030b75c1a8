// The part of datascript's JavaScript API (npm `datascript`) the fake host's database uses.
// Attributes are strings in that API; see graph.ts for how the plugin's keyword queries are read.
declare module 'datascript' {
  export type Conn = { readonly __conn: unique symbol };
  export type DB = { readonly __db: unique symbol };
  export interface TxReport {
    tempids: Record<string, number>;
  }
  export interface Entity {
    get(attr: string): unknown;
  }
  const datascript: {
    create_conn(schema?: Record<string, Record<string, string>>): Conn;
    /** A database of these datoms, its greatest entity and transaction ids taken from them (what Logseq's restore builds). */
    init_db(datoms: unknown, schema?: Record<string, Record<string, string>>): DB;
    conn_from_db(db: DB): Conn;
    datoms(db: DB, index: string): unknown;
    transact(conn: Conn, tx: unknown[], meta?: unknown): TxReport;
    db(conn: Conn): DB;
    q(query: string, db: DB, ...inputs: unknown[]): unknown;
    pull(db: DB, pattern: string, id: number | [string, unknown]): Record<string, unknown> | null;
    entity(db: DB, id: number | [string, unknown]): Entity | null;
  };
  export default datascript;
}
