package io.greenlight.project;

/**
 * What a member does on a project. Client reviewers and freelancers see only the projects
 * they are members of.
 */
public enum ProjectRole {

	PRODUCER, CREATIVE, REVIEWER, CLIENT_REVIEWER, FREELANCER

}
