package persona

// SetFeatureAlgorithm switches the clustering behind MethodFeatures ("gmm" or "kmeans") for a comparison
// test and returns a function that restores it.
func SetFeatureAlgorithm(a string) func() {
	old := featureAlgorithm
	featureAlgorithm = a
	return func() { featureAlgorithm = old }
}
