/** Types for svg-to-pdfkit 0.1.x (the package ships none): the options this project uses. */
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    /** Returns the name of a font registered on the document. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic: boolean; fauxBold: boolean }) => string;
    imageCallback?: (link: string) => string;
    documentCallback?: (file: string) => unknown;
    colorCallback?: (color: [number[], number]) => [number[], number];
    warningCallback?: (warning: string) => void;
    assumePt?: boolean;
    precision?: number;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string | object, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export default SVGtoPDF;
}
