"""Publication output: XLSX and HTML reports, the self-assessment workbook, number format."""
