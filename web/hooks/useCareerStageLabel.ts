import { useTranslation } from 'react-i18next';
import { CAREER_STAGES, type CareerStage } from '../../common/limits.ts';

const isCareerStage = (stage: string): stage is CareerStage => (CAREER_STAGES as readonly string[]).includes(stage);

/**
 * A career stage's name in the reader's language ("Mid-career" / "Metà carriera"), from the people
 * namespace; an unknown value is shown as it is. For the profile header, the editor and the search filters:
 * each scene names `people` in its own useTranslation, so it loads with the scene's namespace, not after it.
 */
export function useCareerStageLabel(): (stage: string) => string {
  const { t } = useTranslation('people');
  return (stage) => (isCareerStage(stage) ? t(`careerStages.${stage}`) : stage);
}
