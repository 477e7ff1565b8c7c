import { BusinessRuleError } from '@lianxin/platform-http';
import { GROUP_RULE_MESSAGES, type GroupRuleProblem } from '../domain/group-size-rules';

export function groupRuleError(problem: GroupRuleProblem): BusinessRuleError {
  return new BusinessRuleError(GROUP_RULE_MESSAGES[problem], { rule: problem });
}
