/** Views whose capability arrives with a later issue show what the project already has. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n, type MessageKey } from '../i18n';
import { useSession } from '../state/session';
import { useStore } from '../state/store-context';

export function DocumentsView() {
  const { t } = useI18n();
  const store = useStore();
  const { project } = useSession();
  const documents = useLiveQuery(async () => (project ? store.documents.list(project.id) : []), [store, project]);
  return (
    <section className="view">
      <h1>{t('documents.title')}</h1>
      {documents && documents.length > 0 ? (
        <>
          <p>{t('documents.count', { count: documents.length })}</p>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>{d.fileName}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('documents.empty')}</p>
      )}
      <p className="notice">{t('view.notYet')}</p>
    </section>
  );
}

export function UpcomingView({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="view">
      <h1>{t(title)}</h1>
      <p className="notice">{t('view.notYet')}</p>
    </section>
  );
}
