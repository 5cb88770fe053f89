import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { HttpProblem, problems } from '../http/problem.js';

/** What one upload may be: its size and media types. */
export interface UploadLimits {
  maxBytes: number;
  mediaTypes: readonly string[];
}

/** For uploads no form field sets limits for. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 10 * 1024 * 1024, mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'] };

/** No field may allow more than this: the bytes live in the database. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** File name extensions each accepted media type may carry. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/tiff': ['.tif', '.tiff'],
  'image/webp': ['.webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/zip': ['.zip'],
  'application/vnd.etsi.asic-e+zip': ['.asice', '.sce', '.edoc'],
};

const problem = (status: number, slug: string, title: string, detail: string, field: string) =>
  new HttpProblem(status, slug, title, detail, { errors: [{ in: 'body', path: field, message: detail }] });

/**
 * Checks an upload before anything is stored: size, declared type among the allowed ones, the
 * file name's extension, and the content itself (magic bytes, via file-type) being what is declared.
 * Returns the media type to record.
 */
export async function checkUpload(upload: { filename: string; declaredType: string; content: Buffer }, limits: UploadLimits): Promise<string> {
  const { filename, content } = upload;
  const declared = upload.declaredType.split(';')[0]!.trim().toLowerCase();
  if (content.length === 0) throw problem(400, 'empty-file', 'The file is empty', `"${filename}" has no content`, '/');
  if (content.length > limits.maxBytes) throw problems.payloadTooLarge(`${limits.maxBytes} bytes for this file`);
  if (!limits.mediaTypes.includes(declared)) {
    throw problem(415, 'file-type-not-allowed', 'This type of file is not accepted', `"${declared || 'no Content-Type'}" is not accepted here; send one of: ${limits.mediaTypes.join(', ')}`, '/');
  }
  const extension = path.extname(filename).toLowerCase();
  const extensions = EXTENSIONS[declared];
  if (extensions && !extensions.includes(extension)) {
    throw problem(422, 'file-name-mismatch', 'The file name does not fit its type', `"${filename}" is declared as ${declared}, whose files end in ${extensions.join(' or ')}`, '/filename');
  }
  const sniffed = await fileTypeFromBuffer(content);
  // A .docx or .asice is a zip inside; file-type names the zip container for some of them.
  const container = declared.endsWith('+zip') || declared.includes('openxmlformats') || declared.includes('opendocument') ? 'application/zip' : declared;
  if (!sniffed || (sniffed.mime !== declared && sniffed.mime !== container)) {
    const found = sniffed ? `its content is ${sniffed.mime}` : 'its content is not a file of any accepted type';
    throw problem(422, 'file-content-mismatch', 'The file is not what it claims to be', `"${filename}" is declared as ${declared}, but ${found}`, '/');
  }
  return declared;
}
