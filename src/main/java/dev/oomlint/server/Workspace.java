package dev.oomlint.server;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: a changed setting or watched file (e.g. a pyproject.toml) re-checks the open documents. */
final class Workspace implements WorkspaceService {
  private final Documents documents;

  Workspace(Documents documents) {
    this.documents = documents;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    documents.recheckAll();
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    documents.recheckAll();
  }
}
