"""Taking in the Excel lists offices receive (prisons, the province) or kept themselves.

Qt-free and database-free except where it reuses the person services' own validation:

- `workbook`: read .xlsx (openpyxl) and .xls/.ods (python-calamine) into plain rows;
- `header`: find the header row (merged and two-level headers) and the data rows;
- `mapping`: which column feeds which field, from common Vietnamese headers;
- `parsing`: one cell to one value, or a Vietnamese `CellError`;
- `drafts`: one sheet row to a `PersonInput`/`JudgmentInput`, with its `RowProblem`s;
- `validate`: the person services' own validation, and duplicates inside the file;
- `analysis`: the preview (`IntakeAnalysis`) and the result (`IntakeResult`) as plain data;
- `output`: the rejected rows and the blank template as .xlsx files.

The use cases (`analyse`, `commit`) are in `desktop.services.intake`.
"""
