/** OCR of scanned pages: rasters from pdf.js, Tesseract (tesseract.js), page text and word boxes. */
export * from './raster';
export * from './page-raster';
export * from './layout';
export * from './tesseract';
export * from './recognise';
export * from './document';
