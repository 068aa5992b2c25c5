/** The coding workspace's list of documents (left); the open one is marked. */
import type { DocumentMeta } from '../../../src/core';
import { useI18n } from '../../i18n';
import { navigate } from '../../state/route';

export function DocumentList({ documents, openId }: { documents: DocumentMeta[]; openId: string | null }) {
  const { t } = useI18n();
  return (
    <aside className="coding-documents">
      <h2>{t('documents.title')}</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <button type="button" className={d.id === openId ? 'active' : undefined} onClick={() => navigate('coding', { doc: d.id })} data-testid="coding-document">
              {d.fileName}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
