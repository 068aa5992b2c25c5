/** IPC channel names, one per message. Kept free of dependencies so the preload bundle stays small. */
export const IPC = {
  openFiles: 'dialog:open-files',
  saveFile: 'dialog:save-file',
  reveal: 'shell:reveal',
  appVersion: 'app:version',
  locale: 'app:locale',
  backupFolder: 'backup:folder',
  chooseBackupFolder: 'backup:choose-folder',
  writeBackup: 'backup:write',
} as const;

/** Command-line switch by which main hands the system language to the sandboxed preload. */
export const LANGUAGE_SWITCH = '--overens-system-language=';
