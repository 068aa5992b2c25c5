/** The local store: one Dexie database and the repositories the UI calls. */
import { openDatabase, type OverensDb } from './db';
import { CodebookRepository, CodebookVersioning } from './codebooks';
import { CoderRepository, ProjectRepository } from './projects';
import { DocumentRepository } from './documents';
import { CodingRepository } from './codings';
import { BackupRepository } from './backup';
import { CoderPackageRepository } from './coder-packages';
import { StudyRepository } from './study';
import { CheckedCodingWrites } from './checked-codings';
import { OcrRepository } from './ocr';

export * from './db';
export * from './persistence';
export * from './projects';
export * from './codebooks';
export * from './version-decisions';
export * from './documents';
export * from './codings';
export * from './backup';
export * from './coder-packages';
export * from './study';
export * from './checked-codings';
export * from './ocr';

export interface Store {
  db: OverensDb;
  projects: ProjectRepository;
  coders: CoderRepository;
  codebooks: CodebookRepository;
  versions: CodebookVersioning;
  documents: DocumentRepository;
  codings: CodingRepository;
  backups: BackupRepository;
  coderPackages: CoderPackageRepository;
  study: StudyRepository;
  /** Undo/redo writes that re-read the row first (another tab may have changed it). */
  checked: CheckedCodingWrites;
  ocr: OcrRepository;
}

export function createStore(db: OverensDb = openDatabase()): Store {
  return {
    db,
    projects: new ProjectRepository(db),
    coders: new CoderRepository(db),
    codebooks: new CodebookRepository(db),
    versions: new CodebookVersioning(db),
    documents: new DocumentRepository(db),
    codings: new CodingRepository(db),
    backups: new BackupRepository(db),
    coderPackages: new CoderPackageRepository(db),
    study: new StudyRepository(db),
    checked: new CheckedCodingWrites(db),
    ocr: new OcrRepository(db),
  };
}
