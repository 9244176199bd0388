// The rule ids (stable: stored with extensions and used in URLs and exports) and their legal sources.

const CPPCR = 'Care Planning, Placement and Case Review (England) Regulations 2010';

export const RULES = {
  'lac-review': `${CPPCR}, reg 33`,
  'sw-visit': `${CPPCR}, reg 28`,
  'initial-health-assessment': `${CPPCR}, reg 7; Promoting the health and wellbeing of looked-after children (DfE/DHSC 2015), statutory guidance`,
  'review-health-assessment': `${CPPCR}, reg 7(3); Promoting the health and wellbeing of looked-after children (2015)`,
  sdq: 'Promoting the health and wellbeing of looked-after children (2015), para 44; SSDA903 guidance (SDQ)',
  'pep-start': `${CPPCR}, reg 5 and Sch 1 para 2; Promoting the education of looked-after and previously looked-after children (DfE 2018)`,
  'pep-review':
    'Promoting the education of looked-after and previously looked-after children (DfE 2018): PEP reviewed each school term',
  'connected-person-approval': `${CPPCR}, regs 24–25`,
  'foster-carer-review': 'Fostering Services (England) Regulations 2011, reg 28',
  'foster-carer-first-review-panel': 'Fostering Services (England) Regulations 2011, reg 28(5)',
  'return-home-interview':
    'Children who run away or go missing from home or care (DfE 2014), statutory guidance',
  'pathway-plan-review': 'Care Leavers (England) Regulations 2010, reg 7; Children Act 1989 s23E',
  'pa-contact':
    'Care Leavers (England) Regulations 2010; Children Act 1989 guidance vol 3 (personal adviser contact at least every 2 months)',
  'care-leaver-birthday-contact':
    'SSDA903 care leaver data: activity and accommodation "on or around" the 17th–21st birthdays (DfE)',
  'care-proceedings':
    'Children Act 1989 s32(1)(a)(ii), inserted by Children and Families Act 2014 s14',
  'private-fostering-visit':
    'Children (Private Arrangements for Fostering) Regulations 2005, reg 8',
} as const;

export type RuleId = keyof typeof RULES;

export function sourceOf(rule: RuleId): string {
  return RULES[rule];
}
