import { render } from 'preact';
import '../../ui/styles.css';
import '../../review/review.css';
import { loadActivePolicy, watchActivePolicy } from '../../policy/active-policy';
import { loadSettings } from '../../settings/settings';
import { CaseApp } from '../../ui/review/case-app';
import { caseIdOf } from '../../ui/review/shell';

// One complaint (`case.html?id=`): opened from the popup's queue and from alert notifications.
watchActivePolicy();
void Promise.all([loadSettings(), loadActivePolicy()]).then(([settings]) =>
  render(
    <CaseApp id={caseIdOf(location.href)} settings={settings} />,
    document.getElementById('app')!,
  ),
);
