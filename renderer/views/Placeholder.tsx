/** Views whose capability arrives with a later issue show what the project already has. */
import { useI18n, type MessageKey } from '../i18n';

export function UpcomingView({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="view">
      <h1>{t(title)}</h1>
      <p className="notice">{t('view.notYet')}</p>
    </section>
  );
}
