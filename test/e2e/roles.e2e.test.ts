// Sign in as each demo account (one per role): the home page shows that role's sections and the
// navigation holds only that role's links. Sections and links that belong to other roles must not
// appear. Checked with axe on the home page and "Your account".
import { expect, it } from 'vitest';
import type { Role } from '../../src/platform/access/roles.ts';
import { ROLE_LABELS } from '../../src/platform/access/roles.ts';
import { DEMO_ACCOUNTS } from '../../src/platform/auth/demoAccounts.ts';
import { describeInBrowser, expectNoAxeViolations, useBrowserSuite } from '../support/browser.ts';
import { navigationLinks, sectionHeadings, signInAs } from './signIn.ts';

interface Expected {
  sections: string[];
  links: string[];
}

// Sections and links whose presence depends on the role. Other areas may add sections and links
// later; a role must still show exactly its own of these.
const ROLE_SECTIONS = [
  'Your children',
  'Your reviews',
  'Placement requests',
  'Your carers',
  'Children in your home',
  'Your care leavers',
  'Figures',
  'Administration',
];
const ADMIN_LINKS = ['Users', 'Teams', 'Tokens'];

const EXPECTED: Record<Role, Expected> = {
  social_worker: { sections: ['Your children'], links: [] },
  team_manager: { sections: ['Your children', 'Figures'], links: [] },
  service_manager: { sections: ['Your children', 'Figures'], links: [] },
  iro: { sections: ['Your reviews'], links: [] },
  placement_officer: { sections: ['Placement requests', 'Figures'], links: [] },
  fostering_worker: { sections: ['Your carers'], links: [] },
  fostering_manager: { sections: ['Your carers'], links: [] },
  residential_manager: { sections: ['Children in your home'], links: [] },
  personal_adviser: { sections: ['Your care leavers'], links: [] },
  analyst: { sections: ['Figures'], links: [] },
  panel_member: { sections: ['Figures'], links: [] },
  admin: { sections: ['Administration'], links: ADMIN_LINKS },
};

describeInBrowser('signed in as each role', () => {
  const suite = useBrowserSuite();

  it('has one demo account for every role', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a] as const))(
    '%s sees their home page and navigation',
    async (role, account) => {
      const page = suite.page;
      const expected = EXPECTED[role];
      await signInAs(page, account.username);

      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Home');
      await expect(page.getByRole('main').textContent()).resolves.toContain(
        `Signed in as ${account.displayName} (${ROLE_LABELS[role]}).`,
      );
      const sections = await sectionHeadings(page);
      expect(sections.filter((s) => ROLE_SECTIONS.includes(s))).toEqual(expected.sections);

      const links = await navigationLinks(page);
      expect(links[0]).toBe('Home');
      expect(links).toContain('Your account');
      expect(links.filter((l) => ADMIN_LINKS.includes(l))).toEqual(expected.links);
      await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);

      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: 'Your account' })
        .click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe('/account');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Your account',
      );
      await expect(page.getByRole('main').textContent()).resolves.toContain(account.username);
      await expectNoAxeViolations(page);
    },
  );

  it('an administrator can open each administration page from the navigation', async () => {
    const page = suite.page;
    await signInAs(page, 'admin.demo');
    for (const [link, heading] of [
      ['Users', 'Users'],
      ['Teams', 'Teams'],
      ['Tokens', 'Personal access tokens'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: link })
        .click();
      await page.waitForLoadState();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(heading);
      await expectNoAxeViolations(page);
    }
  });

  it.each(['/admin/users', '/admin/teams', '/admin/tokens'])(
    'a social worker who types %s is refused',
    async (path) => {
      const page = suite.page;
      await signInAs(page, 'sw.demo');
      const res = await page.goto(path);
      expect([403, 404]).toContain(res?.status());
      await expect(page.getByRole('main').textContent()).resolves.not.toContain('admin.demo');
      await expectNoAxeViolations(page);
    },
  );
});
