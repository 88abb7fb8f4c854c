package io.greenlight.project;

/**
 * What a member does on a project. Client reviewers and freelancers see only the projects
 * they are members of. Legal reviewers are internal staff like reviewers; review stages
 * whose reviewers are LEGAL_REVIEWER ask them alone.
 */
public enum ProjectRole {

	PRODUCER, CREATIVE, REVIEWER, LEGAL_REVIEWER, CLIENT_REVIEWER, FREELANCER

}
