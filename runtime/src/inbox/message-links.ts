import type { DataSource } from 'typeorm';
import { caseCode } from '../applications/case-code.js';

/** What a message leads to: its order's case code and the documents the process had produced for it when the message was sent. */
export interface MessageLinks {
  caseCode: string;
  documents: { id: string; filename: string; href: string }[];
}

/**
 * The links of messages about orders, by message id. Documents: the process's own (not uploads,
 * not the receipt), a signed copy in place of its draft, made no later than the message.
 */
export async function messageLinks(db: DataSource, messages: readonly { id: string; applicationId: string | null }[]): Promise<Map<string, MessageLinks>> {
  const ids = messages.filter((m) => m.applicationId).map((m) => m.id);
  if (!ids.length) return new Map();
  const rows = (await db.query(`
    SELECT m.id, s.number AS "serviceNumber", a.number::text AS "applicationNumber",
           coalesce((SELECT json_agg(json_build_object('id', d.id, 'filename', d.filename) ORDER BY d.created_at, d.id) FROM document d
                      WHERE d.application_id = m.application_id AND d.source = 'platform' AND d.created_at <= m.created_at
                        AND NOT EXISTS (SELECT 1 FROM document c WHERE c.signed_copy_of = d.id)
                        AND NOT EXISTS (SELECT 1 FROM application_receipt r WHERE r.document_id = d.id)), '[]') AS documents
      FROM inbox_message m JOIN application a ON a.id = m.application_id JOIN service s ON s.id = a.service_id
     WHERE m.id = ANY($1::uuid[])`, [ids])) as { id: string; serviceNumber: number; applicationNumber: string; documents: { id: string; filename: string }[] }[];
  return new Map(rows.map((row) => [row.id, {
    caseCode: caseCode(row.serviceNumber, row.applicationNumber),
    documents: row.documents.map((d) => ({ ...d, href: `/api/documents/${d.id}` })),
  }]));
}
