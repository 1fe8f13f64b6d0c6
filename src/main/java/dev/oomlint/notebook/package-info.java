/**
 * Jupyter notebooks ({@code .ipynb}, nbformat 4): reading them ({@link dev.oomlint.notebook.Notebook}),
 * masking IPython syntax and joining the Python code cells into one module with an index back to
 * cells and to the raw file, and writing fixes back into only the changed cells
 * ({@link dev.oomlint.notebook.NotebookSource}).
 */
package dev.oomlint.notebook;
