import { useTranslation } from 'react-i18next';
import type { GardenDimension } from '../../../common/garden.ts';
import type { GardenDimensionView, GardenGap } from '../../api/garden.ts';
import type { SuggestionFilter } from '../../api/network.ts';
import { useCareerStageLabel } from '../../hooks/useCareerStageLabel.ts';

type Count = GardenDimensionView['counts'][number];

/** How a counted value reads: free text and organisations as the members wrote them, codes in words. */
export function useValueLabel(): (dimension: GardenDimension, count: Count) => string {
  const { t } = useTranslation('garden');
  const stage = useCareerStageLabel();
  return (dimension, count) => {
    if (count.kind === 'other') return t('values.other');
    if (count.kind === 'unknown') return t('values.unknown');
    if (dimension === 'careerStage') return stage(count.label);
    if (dimension === 'ageBand') return t(`ageBands.${count.label as 'under25'}`);
    return count.label;
  };
}

/** A gap in words ("Nobody in your network is early in their career."). */
export function useGapText(): (gap: GardenGap) => string {
  const { t } = useTranslation('garden');
  return (gap) => {
    switch (gap.code) {
      case 'garden.no_career_stage':
        return t('gaps.noCareerStage', { stage: gap.params.stage });
      case 'garden.all_in_one':
        return t('gaps.allInOne', gap.params);
      case 'garden.mostly_one':
        return t('gaps.mostlyOne', gap.params);
    }
  };
}

/** People you may know, filtered to widen a gap (the Network page's suggestions tab reads the filter). */
export function widenLink(widen: SuggestionFilter): string {
  return `/network?${new URLSearchParams({ tab: 'suggestions', ...widen } as Record<string, string>).toString()}`;
}
