import { useEffect, useState } from 'preact/hooks';
import { type TeamDirectory, loadTeam, refreshTeam } from './directory';

/** The team list: the stored copy at once, then the server's answer (or the copy, offline). */
export function useTeam(): TeamDirectory | undefined {
  const [team, setTeam] = useState<TeamDirectory>();
  useEffect(() => {
    let live = true;
    void loadTeam().then((stored) => live && stored && setTeam((t) => t ?? stored));
    void refreshTeam().then((fresh) => live && setTeam(fresh));
    return () => {
      live = false;
    };
  }, []);
  return team;
}
