import { render } from 'preact';
import '../../ui/styles.css';
import '../../ui/review.css';
import { pageSettings } from '../../ui/hooks';
import { CaseApp } from '../../case/case-app';
import { caseIdOf } from '../../ui/review-shell';

// One complaint (`case.html?id=`): opened from the popup's queue and from alert notifications.
void pageSettings().then((settings) =>
  render(
    <CaseApp id={caseIdOf(location.href)} settings={settings} />,
    document.getElementById('app')!,
  ),
);
