/**
 * The analysis templates shipped in `codebook/`, validated by the core schema when loaded.
 * - vardanalys-2017: Vårdanalys report 2017:1 "Att komma överens", Bilaga 2 tables 18–52.
 * - oppna-jamforelser-2019: Socialstyrelsen's indicator "Aktuell överenskommelse med regionen".
 * - blank: an empty template.
 */
import vardanalys2017 from '../../../codebook/vardanalys-2017.json';
import oppnaJamforelser2019 from '../../../codebook/oppna-jamforelser-2019.json';
import blank from '../../../codebook/blank.json';
import { CodebookTemplate } from '../model/codebook';

export const SHIPPED_TEMPLATES: readonly CodebookTemplate[] = [vardanalys2017, oppnaJamforelser2019, blank].map((t) => CodebookTemplate.parse(t));

export function getTemplate(id: string): CodebookTemplate | undefined {
  return SHIPPED_TEMPLATES.find((t) => t.id === id);
}
