// pdfmake ships no type declarations, and @types/pdfmake pulls the DOM library into every
// program that reaches it (the server code is typed without it). This is the part of pdfmake's
// Node API and document definition that pdf-layout.ts and the PDF producers use.
declare module 'pdfmake' {
  type Margin = number | [left: number, top: number, right: number, bottom: number];

  interface Style {
    font?: string;
    fontSize?: number;
    bold?: boolean;
    color?: string;
    lineHeight?: number;
    alignment?: 'left' | 'center' | 'right' | 'justify';
    margin?: Margin;
  }

  interface Node extends Style {
    /** Names of the document's styles, applied before the node's own properties. */
    style?: string | string[];
  }

  export type Content = string | Content[] | TextNode | StackNode | TableNode | SectionNode;

  export interface TextNode extends Node {
    text: string | (string | TextNode)[];
  }

  export interface StackNode extends Node {
    stack: Content[];
  }

  export interface TableNode extends Node {
    /** A layout registered with setTableLayouts, or pdfmake's own ('noBorders', 'lightHorizontalLines', …). */
    layout?: string;
    table: {
      body: Content[][];
      /** Points, 'auto', '*' (an equal part of what is left) or a percentage such as '40%'. */
      widths?: (number | string)[];
      /** Rows repeated at the top of each page the table continues on. */
      headerRows?: number;
    };
  }

  /** Starts a new page; its pages take its footer. Only at the top level of the content. */
  export interface SectionNode {
    section: Content;
    footer?: DynamicContent;
  }

  export type DynamicContent = (currentPage: number, pageCount: number) => Content;

  export interface TableLayout {
    hLineWidth?: (row: number) => number;
    vLineWidth?: (column: number) => number;
    hLineColor?: (row: number) => string;
    vLineColor?: (column: number) => string;
    paddingLeft?: (column: number) => number;
    paddingRight?: (column: number) => number;
    paddingTop?: (row: number) => number;
    paddingBottom?: (row: number) => number;
  }

  export interface DocumentDefinition {
    content: Content;
    pageSize?: 'A4';
    pageMargins?: Margin;
    /** The PDF version in the header, e.g. '1.7'. */
    version?: string;
    /** The catalog's /Lang, e.g. 'lt-LT'. */
    language?: string;
    /** Viewers show the title, not the file name. */
    displayTitle?: boolean;
    /** The document information dictionary; pdfkit stamps CreationDate with the current time unless given. */
    info?: { title?: string; creator?: string; producer?: string };
    styles?: Record<string, Style>;
    defaultStyle?: Style;
  }

  interface CreatedPdf {
    getBuffer(): Promise<Buffer>;
  }

  interface PdfMake {
    /** Font files by family: paths on the server (pdfmake 0.3 takes no bytes there). */
    setFonts(fonts: Record<string, { normal: string; bold?: string; italics?: string; bolditalics?: string }>): void;
    setTableLayouts(layouts: Record<string, TableLayout>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition): CreatedPdf;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
